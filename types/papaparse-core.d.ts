// The part of papaparse's API the pure core uses, for `tsconfig.core.json`
// only. The real typings (@types/papaparse) reference Node's, which would let
// Node globals into the core's check; `tsconfig.json` checks the same code
// against the real typings.
declare const Papa: {
  parse<T>(
    input: string,
    config: {
      delimiter?: string;
      delimitersToGuess?: string[];
      skipEmptyLines?: boolean | 'greedy';
      step?: (result: { data: T; errors: { type: string; code: string; message: string; row?: number }[]; meta: { delimiter: string; cursor: number } }) => void;
    },
  ): void;
  unparse(data: unknown[][], config?: { newline?: string; delimiter?: string }): string;
};
export default Papa;
