import type { BrowserContext } from 'playwright-core';

export interface Profile {
  base: string;
  userDataDir: string;
  extensionsDir: string;
  home: string;
  tmp: string;
}
export interface Server {
  port: number;
  base: string;
  pid: number;
  log: string;
  stop(): Promise<void>;
}
export const SETTINGS: Record<string, unknown>;
export function assertReady(): void;
export function freePort(): Promise<number>;
export function makeProfile(base: string, extraSettings?: Record<string, unknown>, options?: { extensionsDir?: string }): Profile;
export function installVsix(profile: Profile, vsix: string): string;
export function startCodeServer(profile: Profile, options?: { folder?: string; port?: number; smokeTestDriver?: boolean; log?: string }): Promise<Server>;
export function workbenchUrl(server: Server, folder: string, options?: { developmentPath?: string; testsPath?: string; extensionEnv?: Record<string, string> }): string;
export function launchBrowser(base: string, viewport?: { width: number; height: number }): Promise<BrowserContext>;
