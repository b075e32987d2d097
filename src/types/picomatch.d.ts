declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean;
  }
  function picomatch(patterns: string | readonly string[], options?: PicomatchOptions): (path: string) => boolean;
  export default picomatch;
}
