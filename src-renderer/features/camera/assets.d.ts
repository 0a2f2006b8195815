// Vite's `?url` import: the file is emitted with the build and its URL (on our own origin) is
// the module's default export. Used for zxing-wasm's .wasm, which must never come from a CDN.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
