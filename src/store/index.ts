// The data store behind refreshes: validation, curated facts, the versioned data folder, the
// library holder that swaps in refreshed libraries, per-scope default articles and the audit log.
export { DEFAULT_LIMITS, formatBytes, limitsFromEnv, type ArticleLimits } from './limits.js';
export { RESERVED_SLUGS, normalizeSlug, reservedSlugProblem, slugForFile, slugSchema } from './slug.js';
export { ARTICLE_FILE, validateArticleFile, type ArticleCheck } from './validate-article.js';
export {
  FACTS_FILE,
  applyCuratedFacts,
  curatedFactsSchema,
  validateFactsFile,
  type CuratedFacts,
  type CuratedPerson,
  type FactsCheck,
} from './curated-facts.js';
export {
  DataStore,
  changeEntrySchema,
  type ChangeEntry,
  type DataPaths,
  type FileProblem,
  type FolderContents,
  type HistoryVersion,
  type StoreChange,
  type StoredArticle,
  type Upload,
} from './data-store.js';
export { LibraryHolder, indexStoredArticle, type RefreshAction, type RefreshOutcome } from './library-holder.js';
export { DEFAULT_INDEX_TIMEOUT_MS, IndexTimeoutError, OffThreadIndexer, indexingProblem, sharedIndexer } from './off-thread-index.js';
export { FACT_KINDS, describeChange, diffArticleIndexes, diffLines, type ArticleChange, type FactChanges, type FactKind } from './library-diff.js';
export { ScopeDefaults, type ScopeChoice } from './scope-defaults.js';
export { AuditLog, auditEntrySchema, type AuditEntry, type AuditRecord } from './audit-log.js';
export { writeFileAtomic } from './atomic-file.js';
