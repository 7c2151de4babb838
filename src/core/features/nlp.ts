import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | null = null;

/** The wink-nlp pipeline with its English model, created once per process (loading takes ~100 ms). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
