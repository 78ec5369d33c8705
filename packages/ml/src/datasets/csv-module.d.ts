/**
 * A `.csv` import is the file's text (esbuild `loader: { ".csv": "text" }`), as index.ts uses it.
 */
declare module "*.csv" {
  const text: string;
  export default text;
}
