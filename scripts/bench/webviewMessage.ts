/**
 * A webview message as VS Code carries it (serializeWebviewMessage in its extension host, for extensions whose
 * engine is 1.57 or later): typed arrays leave the JSON as references to binary buffers, each buffer once, and
 * come back as the same kind of typed array in the webview. For the bench and the tests, without a VS Code.
 */
export interface WireMessage {
  readonly json: string;
  readonly buffers: readonly ArrayBufferLike[];
}

type ViewConstructor = (new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView) & { readonly BYTES_PER_ELEMENT: number };
const VIEWS: Record<string, ViewConstructor> = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array };

interface BufferReference {
  readonly $$buffer: number;
  readonly view: { readonly type: string; readonly byteOffset: number; readonly byteLength: number };
}

export function sendToWebview(message: unknown): WireMessage {
  const buffers: ArrayBufferLike[] = [];
  const json = JSON.stringify(message, (_key, value: unknown) => {
    if (!ArrayBuffer.isView(value)) return value;
    let index = buffers.indexOf(value.buffer);
    if (index < 0) index = buffers.push(value.buffer) - 1;
    const ref: BufferReference = { $$buffer: index, view: { type: value.constructor.name, byteOffset: value.byteOffset, byteLength: value.byteLength } };
    return ref;
  });
  return { json, buffers };
}

export function receiveInWebview<T>(wire: WireMessage): T {
  // The buffers cross to another process: the webview gets copies.
  const copies = wire.buffers.map((b) => b.slice(0));
  return JSON.parse(wire.json, (_key, value: unknown) => {
    const ref = value as BufferReference | null;
    if (typeof ref?.$$buffer !== 'number') return value;
    const View = VIEWS[ref.view.type]!;
    return new View(copies[ref.$$buffer]!, ref.view.byteOffset, ref.view.byteLength / View.BYTES_PER_ELEMENT);
  }) as T;
}
