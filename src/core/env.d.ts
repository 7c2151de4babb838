// The core is built without DOM or Node types, yet every host it runs in (Node, browsers, workers,
// the VS Code extension host) has the WHATWG TextDecoder. Declare just what the core uses of it.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
