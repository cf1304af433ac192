/** Shared jest settings: TypeScript through swc (no type-check at test time; `turbo run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    // Prisma's query compiler (WebAssembly) ships as ES modules that the generated clients import();
    // jest runs CommonJS, so swc turns those two files into CommonJS too (service tests run Prisma in-process).
    '^.+/@prisma/client/runtime/query_compiler_bg\\.[a-z]+(\\.wasm-base64)?\\.mjs$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@prisma/client/runtime/query_compiler_bg)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/', '/.tools/'],
};
