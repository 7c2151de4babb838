import type { ArticleProfile, Emphasis, Finding, MissingFact, Omission, Substitution } from '../types';
import { findConflicts } from './conflicts';
import { DetectContext, type DetectInput } from './context';
import { emphasisFindings, measureEmphasis } from './emphasis';
import { findOtherEvents } from './events';
import { otherEventFindings, uniqueFindings } from './findings';
import { findMissingFacts, findOmissions } from './omissions';
import { profileArticles } from './profile';
import { findWording } from './wording';

export type { DetectInput } from './context';

/** What the detect stage adds to the alignment. */
export interface Detection {
  readonly emphasis: readonly Emphasis[];
  readonly omissions: readonly Omission[];
  readonly missingFacts: readonly MissingFact[];
  readonly profiles: readonly ArticleProfile[];
  readonly substitutions: readonly Substitution[];
  /** Most important first. */
  readonly findings: readonly Finding[];
  readonly otherEvents: readonly string[];
}

/**
 * The detect stage: emphasis, articles about another episode, omissions (points and facts), tone and frames,
 * wording, conflicts, and the findings a careful reader would report, most important first.
 */
export function detect(input: DetectInput): Detection {
  const ctx = new DetectContext(input);
  const emphasis = measureEmphasis(ctx);
  const events = findOtherEvents(ctx);
  const otherEvents = new Set(events.map((e) => e.doc));
  const profiles = profileArticles(ctx);
  const wording = findWording(ctx, otherEvents);
  const unique = uniqueFindings(ctx, emphasis, otherEvents);
  const findings = [
    ...otherEventFindings(ctx, events),
    ...findConflicts(ctx, otherEvents),
    ...emphasisFindings(ctx, emphasis, profiles, otherEvents, unique.labels),
    ...unique.findings,
    ...wording.findings,
  ].sort((a, b) => b.weight - a.weight);
  return {
    emphasis,
    omissions: findOmissions(ctx, emphasis, otherEvents),
    missingFacts: findMissingFacts(ctx, otherEvents),
    profiles,
    substitutions: wording.substitutions,
    findings,
    otherEvents: [...otherEvents],
  };
}
