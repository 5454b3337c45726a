import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

/**
 * What electron-builder would pack into the app (resources/app.asar), computed by electron-builder's
 * own code (app-builder-lib): its reading of electron-builder.yml, the matchers it makes of `files`
 * (its defaults and exclusions added), its walk of the app folder, and its production node_modules
 * with the `files` exclusions applied to them. Only the packager around them is a stand-in.
 */
const lib = (path: string) => createRequire(import.meta.url)(`app-builder-lib/out/${path}`);

interface Matcher {
  patterns: string[];
}
interface FileSet {
  src: string;
  destination: string;
  files: string[];
}
// The Configuration type is app-builder-lib's; the tests read only `files` from it.
export type BuilderConfig = { files?: unknown } & Record<string, unknown>;

const { getConfig } = lib('util/config/config.js') as { getConfig(projectDir: string, configPath: string | null, options: null): Promise<BuilderConfig> };
const { getMainFileMatchers, getNodeModuleFileMatcher } = lib('fileMatcher.js') as {
  getMainFileMatchers(
    appDir: string,
    to: string,
    expand: (s: string) => string,
    platformOptions: object,
    packager: object,
    outDir: string,
    compile: boolean,
  ): Matcher[];
  getNodeModuleFileMatcher(appDir: string, to: string, expand: (s: string) => string, platformOptions: object, info: object): Matcher;
};
const { computeFileSets, computeNodeModuleFileSets } = lib('util/appFileCopier.js') as {
  computeFileSets(matchers: Matcher[], transformer: null, packager: object, compile: boolean): Promise<FileSet[]>;
  computeNodeModuleFileSets(packager: object, matcher: Matcher): Promise<FileSet[]>;
};
const { TmpDir } = createRequire(import.meta.url)('builder-util') as { TmpDir: new (name: string) => { cleanup(): Promise<void> } };
const { Platform } = lib('core.js') as { Platform: { LINUX: object } };

/** electron-builder.yml as electron-builder reads it. */
export const builderConfig = (projectDir: string): Promise<BuilderConfig> => getConfig(projectDir, null, null);

/** The config with its `files` patterns edited: electron-builder has made them the filter of one file set. */
export function withFilePatterns(config: BuilderConfig, edit: (patterns: string[]) => string[]): BuilderConfig {
  const [set, ...rest] = config.files as { filter: string[] }[];
  return { ...config, files: [{ ...set, filter: edit(set!.filter) }, ...rest] };
}

/** Every file the app would hold, by its path inside the app (posix), with the file it comes from. */
export async function packagedFiles(projectDir: string, config: BuilderConfig): Promise<Map<string, string>> {
  const metadata = createRequire(import.meta.url)(join(projectDir, 'package.json')) as { name: string };
  const tempDirManager = new TmpDir('archive-desk-packaged-files');
  const info = {
    projectDir,
    appDir: projectDir,
    buildResourcesDir: join(projectDir, 'build'),
    isPrepackedAppAsar: false,
    areNodeModulesHandledExternally: false,
    config,
    metadata,
    originalMetadata: metadata,
    nodePackageName: metadata.name,
    appInfo: { type: 'module' },
    debugLogger: { isEnabled: false },
    tempDirManager,
    getWorkspaceRoot: async () => projectDir,
    // electron-builder asks npm first and walks node_modules when npm's answer will not do; the walk
    // is taken here, as `npm ls` cannot read a node_modules that is a link (a git worktree's).
    getPackageManager: async () => 'traversal',
  };
  const packager = { info, config, platform: Platform.LINUX };
  const to = join(projectDir, '.packaged');
  const same = (s: string) => s;
  try {
    const matchers = getMainFileMatchers(projectDir, to, same, {}, packager, join(projectDir, 'release'), false);
    const app = await computeFileSets(matchers, null, packager, false);
    const modules = await computeNodeModuleFileSets(packager, getNodeModuleFileMatcher(projectDir, to, same, {}, info));
    const files = new Map<string, string>();
    for (const set of [...app, ...modules])
      for (const file of set.files)
        files.set(
          relative(to, join(set.destination, relative(set.src, file)))
            .split(sep)
            .join('/'),
          file,
        );
    return files;
  } finally {
    await tempDirManager.cleanup();
  }
}

/** Lays the packed files out as an installed app's folder (hard links where the disk allows). */
export function stageApp(files: Map<string, string>, appDir: string): void {
  for (const [path, source] of files) {
    const target = join(appDir, path);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}
