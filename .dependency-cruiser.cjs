// The import rule of docs/architecture.md, checked by `npm test` (tests/architecture.test.ts):
// core → db → server → shells, and a renderer that reaches the rest only through core.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-a-leaf',
      comment: 'core runs in the renderer and in Node: it imports zod and itself, and row types from db/schema.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { pathNot: ['^electron/core/', '^node_modules/zod/', '^db/schema\\.ts$'] },
    },
    {
      name: 'core-takes-only-types-from-db',
      comment: 'Row types flow from the drizzle schema; its table definitions never reach core (or the renderer bundle).',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-below-server',
      comment: 'db is the storage layer: it knows core, never the server, the shells or the renderer.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(electron/(server|shells)|renderer)/' },
    },
    {
      name: 'server-below-shells',
      comment: 'Services, handlers and the runtime are shell-free: the same ones run under Electron, the web shell and the host.',
      severity: 'error',
      from: { path: '^electron/server/' },
      to: { path: '^(electron/shells|renderer)/' },
    },
    {
      name: 'server-without-electron-or-http',
      comment: 'Domain code is plain TypeScript over the database: Electron and HTTP belong to the shells.',
      severity: 'error',
      from: { path: '^electron/server/' },
      to: { path: '^(electron|http|https|http2|net|tls)$|^node_modules/electron/' },
    },
    {
      name: 'services-below-handlers',
      comment: 'A service takes the database and plain arguments, never the handler context or the dispatcher.',
      severity: 'error',
      from: { path: '^electron/server/services/' },
      to: { path: '^electron/server/(handlers/|dispatch\\.ts$|runtime)' },
    },
    {
      name: 'shells-not-renderer',
      severity: 'error',
      from: { path: '^electron/shells/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'preload-knows-only-call-names',
      comment: 'The preload exposes the call names and one channel; the contract itself stays in main.',
      severity: 'error',
      from: { path: '^electron/shells/electron/preload\\.ts$' },
      to: { pathNot: ['^electron/shells/electron/channel\\.ts$', '^electron/core/contract/call-names\\.ts$', '^electron$'] },
    },
    {
      name: 'renderer-only-through-core',
      comment: 'The renderer is untrusted and bundled for a browser: it reaches the rest of the app only through core.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(db|electron/(server|shells))/' },
    },
    {
      name: 'renderer-without-node',
      severity: 'error',
      from: { path: '^(renderer|electron/core)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ui-is-shared',
      comment: 'renderer/ui is the kit every feature shares: it knows no feature and not the app shell.',
      severity: 'error',
      from: { path: '^renderer/(ui|api|i18n)/' },
      to: { path: '^renderer/(features|app)/' },
    },
    {
      name: 'features-stand-alone',
      comment: 'A feature reaches another only through ui, api or core; the app shell composes them.',
      severity: 'error',
      from: { path: '^renderer/features/([^/]+)/' },
      to: { path: '^renderer/features/', pathNot: '^renderer/features/$1/' },
    },
    {
      name: 'features-below-app',
      severity: 'error',
      from: { path: '^renderer/features/' },
      to: { path: '^renderer/app/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A git worktree links node_modules from the main checkout; resolve through the link.
    preserveSymlinks: true,
    exclude: { path: '^(node_modules|dist|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
