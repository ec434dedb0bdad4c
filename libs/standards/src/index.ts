export * from './lib/model';
export { readNumberWords, parseNumberWords, numberToWords } from './lib/duration/numbers';
export {
  parseDuration,
  readDuration,
  formatDuration,
  splitLeadingLabel,
  DurationParseError,
  type DurationError,
  type DurationParseResult,
} from './lib/duration/duration';
export { CatalogFileError, type CatalogIssue } from './lib/catalog/issues';
export {
  parseCatalogFile,
  parseOfficeFile,
  serializeCatalogFile,
  serializeOfficeFile,
} from './lib/catalog/catalog-file';
export { validateStandard } from './lib/catalog/validate';
export { ImportError, type ImportDraftResult, type ImportedDraftStep } from './lib/import/draft';
export { importStandard, type ImportContentType } from './lib/import/import';
export { rederive, type DeriveOptions, type RederiveProblem } from './lib/import/derive';
export { htmlToText } from './lib/import/html-text';
export {
  addTotals,
  computeIkm,
  EMPTY_TOTALS,
  EQUAL_WEIGHTS,
  IKM_CONVERSION,
  IKM_GRADES,
  IkmInputError,
  ikmGrade,
  ikmOfResponses,
  ikmShown,
  ikmShownText,
  SKM_ELEMENT_COUNT,
  totalsOf,
  type IkmGrade,
  type IkmResult,
  type IkmTotals,
} from './lib/ikm/ikm';
