import { basename, join } from 'node:path';
import { analyzeFiles, fileLines, readJson, sharedDir } from '../eval/shared';
import { seedsFiles } from '../eval/seeds';
const goldPath = join(sharedDir(), 'seeds', 'gold.json');
const files = seedsFiles(goldPath);
const rep = analyzeFiles(files);
const gold = readJson<any>(goldPath);
const keyOf = new Map(Object.entries(gold.docs).map(([k, v]) => [v as string, k]));
const member = new Map<string, Set<string>>(); const sure = new Map<string, Set<string>>();
for (const p of gold.points) { for (const r of p.sure) { (member.get(r) ?? member.set(r, new Set()).get(r)!).add(p.id); (sure.get(r) ?? sure.set(r, new Set()).get(r)!).add(p.id); } for (const r of p.possible) (member.get(r) ?? member.set(r, new Set()).get(r)!).add(p.id); }
const heads = new Set(gold.headings); const furn = new Set(gold.not_content.lines);
const docs = new Map(rep.documents.map((d) => [d.id, d]));
const lines = new Map(files.map((f) => [basename(f), fileLines(f)]));
const L = (r: any) => { const d = docs.get(r.doc)!; const p = d.paragraphs[r.paragraph]!; const k = keyOf.get(basename(d.path))!; const out: string[] = []; for (let l = p.startLine; l <= p.endLine; l++) if (lines.get(basename(d.path))![l - 1]?.trim()) out.push(`${k}:L${l}`); return out; };
const rows: any[] = [];
for (const pr of rep.pairs) { let right = 0, wrong = 0; for (const a of L(pr.a)) for (const b of L(pr.b)) { if (furn.has(a) || furn.has(b)) { wrong++; continue; } if (heads.has(a) || heads.has(b)) continue; const ma = member.get(a), mb = member.get(b); if (ma && mb && [...ma].some((x) => mb.has(x))) right++; else wrong++; }
  rows.push({ right, wrong, score: pr.score.toFixed(2), conf: (pr as any).confidence?.toFixed?.(2), a: L(pr.a).join(','), b: L(pr.b).join(','), ga: [...(member.get(L(pr.a)[0]!) ?? [])].join('/'), gb: [...(member.get(L(pr.b)[0]!) ?? [])].join('/'), ta: docs.get(pr.a.doc)!.paragraphs[pr.a.paragraph]!.text.slice(0, 70), tb: docs.get(pr.b.doc)!.paragraphs[pr.b.paragraph]!.text.slice(0, 70) }); }
rows.sort((x, y) => y.wrong - x.wrong);
console.log('pairs', rows.length, 'right', rows.reduce((s, r) => s + r.right, 0), 'wrong', rows.reduce((s, r) => s + r.wrong, 0));
for (const r of rows.filter((r) => r.wrong > 0)) console.log(`W${r.wrong} R${r.right} s${r.score} c${r.conf} ${r.a} [${r.ga}] ~ ${r.b} [${r.gb}]\n    ${r.ta}\n    ${r.tb}`);
// missed sure pairs per point
const pred = new Set<string>(); for (const pr of rep.pairs) for (const a of L(pr.a)) for (const b of L(pr.b)) pred.add([a, b].sort().join('|'));
for (const p of gold.points) { const refs = [...new Set(p.sure as string[])].sort(); let tot = 0, hit = 0; const miss: string[] = []; for (let i = 0; i < refs.length; i++) for (let j = i + 1; j < refs.length; j++) { if (refs[i]!.split(':')[0] === refs[j]!.split(':')[0]) continue; tot++; if (pred.has(`${refs[i]}|${refs[j]}`)) hit++; else miss.push(`${refs[i]}-${refs[j]}`); } console.log(`${p.id}: ${hit}/${tot}  missed ${miss.slice(0, 12).join(' ')}`); }
