/** Why an input cannot be analysed. Every one is reported to the user as one line naming the file. */
export type InputProblem =
  | 'too-few-articles'
  | 'empty'
  | 'binary'
  | 'not-utf8'
  | 'too-large'
  | 'unreadable'
  | 'bad-output';

/** An input the pipeline refuses, with a message fit to show as it is. */
export class InputError extends Error {
  constructor(
    readonly problem: InputProblem,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
