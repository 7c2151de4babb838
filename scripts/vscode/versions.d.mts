export const ROOT: string;
export const CACHE: string;
export const NODE_VERSION: string;
export const CODE_SERVER_VERSION: string;
export const APT_PACKAGES: string[];
export const NODE24: string;
export const CODE_SERVER: string;
export const READY: string;
export function chromiumPath(): string | null;
