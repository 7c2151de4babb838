/** The public API of the analysis core. Nothing here knows of VS Code, the DOM or Node. */
export { analyze, analyzePrepared, prepareArticle, requireArticles, type PreparedArticle, type AnalysisResources } from './analyze';
export { WordVectors } from './score/wordVectors';
export type { ParagraphFeatures, WordToken } from './features';
export { AnalysisCache } from './cache';
export { TRAINED_MODEL, FEATURES, type ConfidenceModel, type FeatureName } from './score/model';
export { DEFAULT_OPTIONS, resolveOptions, type AnalysisOptions } from './options';
export { InputError, type InputProblem } from './errors';
export { decodeArticle, DEFAULT_MAX_ARTICLE_BYTES } from './load/decode';
export { ARTICLE_EXTENSIONS, formatOf, isArticlePath, isFolderArticle, baseName, type ArticleFormat } from './load/format';
export { toReportJson } from './report/json';
export { renderMarkdown } from './report/markdown';
export { quoted } from './features/quoting';
export { VERSION } from './version';
export * from './types';
