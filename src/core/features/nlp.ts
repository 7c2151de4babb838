import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | null = null;
let lite: WinkMethods | null = null;

/**
 * The wink-nlp pipeline with its English model, created once per process (loading takes ~100 ms). Only the
 * stages the analysis reads: sentences, negation, sentiment (the tone line), parts of speech, number and date
 * entities (custom entities would cost a third more on every paragraph).
 */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos', 'ner']);
  return instance;
}

/** The same pipeline without the number-and-date recogniser, for text that has no number or date in it. */
export function nlpWithoutEntities(): WinkMethods {
  lite ??= winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  return lite;
}

/**
 * Could the text hold a number or a date (digits, number words, months, weekdays, relative dates)? If not, the
 * entity recogniser — a third of the pipeline's time — has nothing to find.
 */
export function mayHoldNumbers(text: string): boolean {
  return NUMBERISH.test(text);
}

const NUMBERISH = new RegExp(
  '\\d|\\b(?:' +
    'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
    'eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|' +
    'trillions?|dozens?|half|once|twice|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|' +
    'september|october|november|december|today|tonight|yesterday|tomorrow|morning|evening|night|noon|midnight|' +
    'weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|seconds?|days?|percent' +
    ')\\b',
  'i',
);
