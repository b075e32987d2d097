declare module 'jscodeshift/parser/tsOptions.js' {
  const options: import('@babel/parser').ParserOptions;
  export default options;
}
