/**
 * The seeds protocols of ../shared/EVAL.md, ported from eval/measure.py and eval/check_kinds.py so that
 * `npm run eval` scores the in-process analysis exactly as the outside measurement scores the CLI's report.
 */
import { basename, dirname, join } from 'node:path';
import type { Analysis, ParagraphRef } from '../../src/core';
import { fileLines, prf, readJson, type Prf } from './shared';

export interface SeedsGold {
  docs: Record<string, string>;
  points: { id: string; sure: string[]; possible: string[] }[];
  not_content?: { lines: string[] };
  headings?: string[];
  findings?: {
    different_event?: { doc: string } | null;
    only_in_one?: { doc: string; point: string }[];
    contradiction?: { between: string[]; points?: string[] } | { between: string[]; points?: string[] }[] | null;
    emphasis?: { doc: string; point: string }[];
  };
}

export interface SeedsScore {
  readonly alignment: Prf & { predicted: number; furniturePairs: number; surePairs: number };
  readonly omissions: Prf;
  /**
   * The same protocol applied to the omissions the report lists (what the panel and the Markdown show): X omits a
   * line when its paragraph belongs to a point the report says X omits.
   */
  readonly reportOmissions: Prf;
  readonly findings: { name: string; ok: boolean }[];
  readonly kinds: { notContentMissed: string[]; headingsMissed: string[]; notContentInPairs: number };
}

export function seedsFiles(goldPath: string, docsDir = dirname(goldPath)): string[] {
  const gold = readJson<SeedsGold>(goldPath);
  return Object.keys(gold.docs)
    .sort()
    .map((k) => join(docsDir, gold.docs[k]!));
}

export function scoreSeeds(goldPath: string, files: readonly string[], rep: Analysis, isSeeds = true): SeedsScore {
  const gold = readJson<SeedsGold>(goldPath);
  const keyOf = new Map(Object.entries(gold.docs).map(([k, v]) => [v, k]));
  const textLines = new Map(files.map((f) => [basename(f), fileLines(f)]));
  const docs = new Map(
    rep.documents.map((d) => {
      const base = basename(d.path);
      if (!textLines.has(base)) throw new Error(`report document ${d.id} has path ${d.path} matching no input file`);
      return [d.id, { base, paras: new Map(d.paragraphs.map((p) => [p.index, p])) }];
    }),
  );
  const ref = (base: string, line: number) => `${keyOf.get(base)}:L${line}`;
  const linesOf = (r: ParagraphRef): [string, number][] => {
    const d = docs.get(r.doc)!;
    const p = d.paras.get(r.paragraph)!;
    const lines = textLines.get(d.base)!;
    const out: [string, number][] = [];
    for (let l = p.startLine; l <= p.endLine; l++) if (l > 0 && l <= lines.length && lines[l - 1]!.trim()) out.push([d.base, l]);
    return out;
  };

  const member = new Map<string, Set<string>>();
  const sure = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, r: string, id: string) => {
    let s = m.get(r);
    if (!s) m.set(r, (s = new Set()));
    s.add(id);
  };
  for (const p of gold.points) {
    for (const r of p.sure) {
      add(member, r, p.id);
      add(sure, r, p.id);
    }
    for (const r of p.possible) add(member, r, p.id);
  }
  const furniture = new Set(gold.not_content?.lines ?? []);
  const headings = new Set(gold.headings ?? []);

  const pred = new Set<string>();
  for (const pr of rep.pairs) {
    for (const x of linesOf(pr.a)) {
      for (const y of linesOf(pr.b)) {
        if (x[0] === y[0]) continue;
        const [a, b] = [ref(...x), ref(...y)].sort();
        pred.add(`${a}|${b}`);
      }
    }
  }
  let right = 0;
  let wrong = 0;
  let furn = 0;
  for (const key of pred) {
    const [a, b] = key.split('|') as [string, string];
    if (furniture.has(a) || furniture.has(b)) {
      wrong++;
      furn++;
    } else if (headings.has(a) || headings.has(b)) {
      continue;
    } else if (intersects(member.get(a), member.get(b))) right++;
    else wrong++;
  }
  const goldSure = new Set<string>();
  for (const p of gold.points) {
    const refs = [...new Set(p.sure)].sort();
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        if (refs[i]!.split(':')[0] !== refs[j]!.split(':')[0]) goldSure.add(`${refs[i]}|${refs[j]}`);
      }
    }
  }
  let hit = 0;
  for (const k of goldSure) if (pred.has(k)) hit++;
  const P = right + wrong ? right / (right + wrong) : 0;
  const R = goldSure.size ? hit / goldSure.size : 0;
  const alignment = { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0, predicted: pred.size, furniturePairs: furn, surePairs: goldSure.size };

  // Omissions: the article about another episode is left out as source and as omitter.
  const other = gold.findings?.different_event?.doc;
  const keys = Object.keys(gold.docs)
    .sort()
    .filter((k) => k !== other);
  const linked = new Map<string, Set<string>>();
  for (const key of pred) {
    const [a, b] = key.split('|') as [string, string];
    add(linked, a, b.split(':')[0]!);
    add(linked, b, a.split(':')[0]!);
  }
  const pointsOfDoc = new Map<string, Set<string>>();
  const surePointsOfDoc = new Map<string, Set<string>>();
  for (const [r, ps] of member) for (const p of ps) add(pointsOfDoc, r.split(':')[0]!, p);
  for (const [r, ps] of sure) for (const p of ps) add(surePointsOfDoc, r.split(':')[0]!, p);
  // The report's own omissions: line → the articles (gold keys) it says leave out a point the line's paragraph is in.
  const keyOfId = new Map([...docs].map(([id, d]) => [id, keyOf.get(d.base)!]));
  const omittedBy = new Map<string, Set<string>>();
  const pointMembers = new Map(rep.points.map((p) => [p.id, p.members]));
  for (const o of rep.omissions) {
    for (const m of pointMembers.get(o.point) ?? []) for (const x of linesOf(m)) add(omittedBy, ref(...x), keyOfId.get(o.doc)!);
  }
  const scoreOmissions = (toolOmits: (r: string, x: string) => boolean): Prf => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [r, ps] of sure) {
      const y = r.split(':')[0]!;
      if (y === other) continue;
      for (const x of keys) {
        if (x === y) continue;
        const goldOmits = !intersects(member.get(r), pointsOfDoc.get(x));
        if (!goldOmits && !intersects(ps, surePointsOfDoc.get(x))) continue;
        const omits = toolOmits(r, x);
        if (goldOmits && omits) tp++;
        if (!goldOmits && omits) fp++;
        if (goldOmits && !omits) fn++;
      }
    }
    return prf(tp, fp, fn);
  };
  const omissions = scoreOmissions((r, x) => !linked.get(r)?.has(x));
  const reportOmissions = scoreOmissions((r, x) => !!omittedBy.get(r)?.has(x));

  // Findings checks.
  const baseOfId = new Map([...docs].map(([id, d]) => [id, d.base]));
  const dockeys = (docsOf: readonly string[]) => new Set(docsOf.map((d) => keyOf.get(baseOfId.get(d) ?? '') ?? '?'));
  const evidLines = (evidence: readonly ParagraphRef[]) => {
    const out = new Set<string>();
    for (const e of evidence) {
      if (!docs.get(e.doc)?.paras.has(e.paragraph)) continue;
      for (const x of linesOf(e)) out.add(ref(...x));
    }
    return out;
  };
  const fnd = rep.findings;
  const checks: { name: string; ok: boolean }[] = [];
  const gf = gold.findings ?? {};
  if (gf.different_event) {
    const de = gf.different_event;
    const stem = gold.docs[de.doc]!.replace(/\.[^.]+$/, '').split('_')[0];
    checks.push({ name: `different-event article ${stem} flagged`, ok: fnd.some((f) => f.kind === 'different-event' && dockeys(f.docs).has(de.doc)) });
  }
  const pts = new Map(gold.points.map((p) => [p.id, p]));
  for (const u of gf.only_in_one ?? []) {
    const want = new Set(pts.get(u.point)!.sure);
    const ok = fnd.some((f) => {
      const ks = dockeys(f.docs);
      return f.kind === 'unique' && ks.size === 1 && ks.has(u.doc) && intersects(evidLines(f.evidence), want);
    });
    checks.push({ name: `unique point ${u.point} in ${u.doc}`, ok });
  }
  const cs = gf.contradiction;
  for (const c of Array.isArray(cs) ? cs : cs ? [cs] : []) {
    const what = isSeeds ? 'US call for restraint' : (c.points ?? []).join('/');
    const ok = fnd.some((f) => f.kind === 'conflict' && c.between.every((l) => evidLines(f.evidence).has(l)));
    checks.push({ name: `conflict on ${what} (${c.between.join(' vs ')})`, ok });
  }
  for (const e of gf.emphasis ?? []) {
    const want = new Set(pts.get(e.point)!.sure);
    const ok = fnd.some((f) => f.kind === 'emphasis' && dockeys(f.docs).has(e.doc) && intersects(evidLines(f.evidence), want));
    checks.push({ name: `emphasis: ${e.doc} on ${e.point}`, ok });
  }

  // Paragraph kinds (check_kinds.py).
  const kindAt = new Map<string, string>();
  const notContentParas = new Set<string>();
  for (const d of rep.documents) {
    const key = keyOf.get(basename(d.path));
    for (const p of d.paragraphs) {
      for (let l = p.startLine; l <= p.endLine; l++) kindAt.set(`${key}:L${l}`, p.kind);
      if (p.kind === 'furniture' || p.kind === 'byline' || p.kind === 'caption') notContentParas.add(`${d.id}#${p.index}`);
    }
  }
  const notContentMissed = (gold.not_content?.lines ?? []).filter((r) => !['furniture', 'byline', 'caption'].includes(kindAt.get(r) ?? ''));
  const headingsMissed = (gold.headings ?? []).filter((r) => kindAt.get(r) !== 'heading');
  const notContentInPairs = rep.pairs.filter((p) => notContentParas.has(`${p.a.doc}#${p.a.paragraph}`) || notContentParas.has(`${p.b.doc}#${p.b.paragraph}`)).length;

  return { alignment, omissions, reportOmissions, findings: checks, kinds: { notContentMissed, headingsMissed, notContentInPairs } };
}

function intersects(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return false;
  for (const x of a) if (b.has(x)) return true;
  return false;
}
