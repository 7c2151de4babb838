/**
 * The corpus protocol of ../shared/EVAL.md, ported from eval/measure.py (`corpus`) and eval/score.py:
 * predicted paragraphs map to the gold's blank-line units by line overlap; micro P/R/F1 over clusters on
 * `evaluated_units` (all units where a cluster lists none); silver omissions inside `omission_scope`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, AnalysisOptions } from '../../src/core';
import { analyzeFiles, fileLines, prf, readJson, type Prf } from './shared';

interface CorpusGold {
  docs: string[];
  pairs: [string, number, string, number][];
  evaluated_units?: Record<string, number[]>;
  omissions?: { doc: string; idx: number; missing_in?: string[] }[];
  omission_scope?: [string, number][];
}

export interface CorpusScore {
  readonly clusters: number;
  readonly alignment: Prf & { tp: number; fp: number; fn: number };
  readonly omissions: Prf & { tp: number; fp: number; fn: number; clusters: number };
  /** The same silver omissions scored on the omissions the report lists (a unit's points that an article is said to omit). */
  readonly reportOmissions: Prf & { tp: number; fp: number; fn: number };
  readonly seconds: number;
}

export function corpusClusters(root: string): string[] {
  return readdirSync(root)
    .filter((c) => existsSync(join(root, c, 'gold.json')))
    .sort();
}

export function scoreCorpus(root: string, options: Partial<AnalysisOptions> = {}, analyse: (files: readonly string[], options: Partial<AnalysisOptions>) => Analysis = analyzeFiles): CorpusScore {
  const sum = { tp: 0, fp: 0, fn: 0 };
  const om = { tp: 0, fp: 0, fn: 0, clusters: 0 };
  const listed = { tp: 0, fp: 0, fn: 0 };
  let seconds = 0;
  const clusters = corpusClusters(root);
  for (const c of clusters) {
    const gold = readJson<CorpusGold>(join(root, c, 'gold.json'));
    const files = gold.docs.map((d) => join(root, c, `${d}.txt`));
    const t0 = performance.now();
    const rep = analyse(files, options);
    seconds += (performance.now() - t0) / 1000;
    const { pairs, omissions, reportOmissions } = predictions(rep, gold, files);
    const ev = gold.evaluated_units && Object.keys(gold.evaluated_units).length ? gold.evaluated_units : null;
    const inEval = (key: string) => {
      if (!ev) return true;
      const [a, ia, b, ib] = key.split('\u0000');
      return (ev[a!] ?? []).includes(Number(ia)) && (ev[b!] ?? []).includes(Number(ib));
    };
    const g = new Set([...normPairs(gold.pairs, gold.docs)].filter(inEval));
    const p = new Set([...pairs].filter(inEval));
    for (const k of p) (g.has(k) ? sum.tp++ : sum.fp++);
    for (const k of g) if (!p.has(k)) sum.fn++;
    if (gold.omission_scope) {
      om.clusters++;
      const scope = new Set(gold.omission_scope.map(([d, i]) => `${d}\u0000${i}`));
      const goldTriples = new Set<string>();
      for (const o of gold.omissions ?? []) {
        for (const m of o.missing_in ?? gold.docs.filter((d) => d !== o.doc)) {
          if (m !== o.doc && scope.has(`${o.doc}\u0000${o.idx}`)) goldTriples.add(`${o.doc}\u0000${o.idx}\u0000${m}`);
        }
      }
      const count = (predicted: ReadonlySet<string>, into: { tp: number; fp: number; fn: number }) => {
        const predTriples = new Set([...predicted].filter((t) => scope.has(t.split('\u0000').slice(0, 2).join('\u0000'))));
        for (const t of predTriples) (goldTriples.has(t) ? into.tp++ : into.fp++);
        for (const t of goldTriples) if (!predTriples.has(t)) into.fn++;
      };
      count(omissions, om);
      count(reportOmissions, listed);
    }
  }
  return {
    clusters: clusters.length,
    alignment: { ...prf(sum.tp, sum.fp, sum.fn), ...sum },
    omissions: { ...prf(om.tp, om.fp, om.fn), ...om },
    reportOmissions: { ...prf(listed.tp, listed.fp, listed.fn), ...listed },
    seconds,
  };
}

/** Unordered unit pairs ordered as measure.py writes them: by the docs' order in gold, then unit. */
function pairKey(docs: readonly string[], a: [string, number], b: [string, number]): string {
  const [x, y] = [a, b].sort((p, q) => docs.indexOf(p[0]) - docs.indexOf(q[0]) || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0) || p[1] - q[1]);
  return `${x![0]}\u0000${x![1]}\u0000${y![0]}\u0000${y![1]}`;
}

function normPairs(pairs: CorpusGold['pairs'], docs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const [a, ia, b, ib] of pairs) if (a !== b) out.add(pairKey(docs, [a, Number(ia)], [b, Number(ib)]));
  return out;
}

/**
 * The report's pairs and omissions in gold units, as measure.py derives them; and the omissions the report lists, as
 * the same triples (a unit, in a paragraph of a point the report says an article omits, and that article).
 */
function predictions(rep: Analysis, gold: CorpusGold, files: readonly string[]): { pairs: Set<string>; omissions: Set<string>; reportOmissions: Set<string> } {
  const unitOf = new Map<string, number>();
  const allUnits = new Set<string>();
  files.forEach((f, k) => {
    const doc = gold.docs[k]!;
    let u = -1;
    let prevBlank = true;
    fileLines(f).forEach((line, i) => {
      if (line.trim()) {
        if (prevBlank) u++;
        unitOf.set(`${doc}\u0000${i + 1}`, u);
        allUnits.add(`${doc}\u0000${u}`);
        prevBlank = false;
      } else prevBlank = true;
    });
  });
  const docOf = new Map(rep.documents.map((d, k) => [d.id, { name: gold.docs[k]!, paras: d.paragraphs }]));
  const units = (r: { doc: string; paragraph: number }): [string, number][] => {
    const d = docOf.get(r.doc)!;
    const p = d.paras[r.paragraph]!;
    const out = new Map<string, [string, number]>();
    for (let l = p.startLine; l <= p.endLine; l++) {
      const u = unitOf.get(`${d.name}\u0000${l}`);
      if (u !== undefined) out.set(`${u}`, [d.name, u]);
    }
    return [...out.values()];
  };
  const pairs = new Set<string>();
  const linked = new Map<string, Set<string>>();
  for (const pr of rep.pairs) {
    for (const a of units(pr.a)) {
      for (const b of units(pr.b)) {
        if (a[0] === b[0]) continue;
        pairs.add(pairKey(gold.docs, a, b));
        const ka = `${a[0]}\u0000${a[1]}`;
        const kb = `${b[0]}\u0000${b[1]}`;
        if (!linked.has(ka)) linked.set(ka, new Set());
        if (!linked.has(kb)) linked.set(kb, new Set());
        linked.get(ka)!.add(b[0]);
        linked.get(kb)!.add(a[0]);
      }
    }
  }
  const omissions = new Set<string>();
  for (const key of allUnits) {
    const [d, i] = key.split('\u0000') as [string, string];
    for (const x of gold.docs) if (x !== d && !linked.get(key)?.has(x)) omissions.add(`${d}\u0000${i}\u0000${x}`);
  }
  const reportOmissions = new Set<string>();
  const membersOf = new Map(rep.points.map((p) => [p.id, p.members]));
  for (const o of rep.omissions) {
    const x = docOf.get(o.doc)!.name;
    for (const m of membersOf.get(o.point) ?? []) for (const [d, i] of units(m)) if (d !== x) reportOmissions.add(`${d}\u0000${i}\u0000${x}`);
  }
  return { pairs, omissions, reportOmissions };
}
