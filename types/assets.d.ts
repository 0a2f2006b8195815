// Text assets imported as strings (Vite's `?raw`; the station's esbuild build maps the same suffix).
declare module '*?raw' {
  const text: string;
  export default text;
}
