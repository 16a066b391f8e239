/** The languages ArchTrace reads code in: their documents are synchronised with the server, and hovers and CodeLens appear in their editors. */
export const SOURCE_LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'java', 'go'];
