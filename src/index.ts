// The engine's entry points, for adapters.
export * from './types.js';
export { Library, buildLibrary } from './library.js';
export { answerInput, answerQuestion, MAX_QUESTION_LENGTH, NOT_IN_ARTICLE } from './answer/index.js';
export { parseInput, commandForQuestion, MAX_INPUT_LENGTH } from './answer/route.js';
export { readArticles, readArticleFile, decodeUtf8 } from './article/load.js';
export { parseArticle, slugFromFileName, ArticleFormatError } from './article/parse.js';
