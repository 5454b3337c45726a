import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A release as electron-builder publishes it for this platform (latest-linux.yml on Linux, where
 * the tests run, and an AppImage; latest.yml and the NSIS installer on Windows): the channel file
 * and its installer, in `dir`. The "installer" is a script that records it ran, and how.
 */
export function writeRelease(dir: string, version: string, marker: string, options: { wrongSha?: boolean } = {}): { installer: string } {
  mkdirSync(dir, { recursive: true });
  const installer = `ArchiveDesk-${version}.AppImage`;
  const body = `#!/bin/sh\necho "installed ${version} silent=$APPIMAGE_SILENT_INSTALL" >> '${marker}'\n`;
  writeFileSync(join(dir, installer), body);
  chmodSync(join(dir, installer), 0o755);
  const sha512 = createHash('sha512')
    .update(options.wrongSha ? `${body}tampered` : body)
    .digest('base64');
  const size = Buffer.byteLength(body);
  writeFileSync(
    join(dir, 'latest-linux.yml'),
    `version: ${version}\nfiles:\n  - url: ${installer}\n    sha512: ${sha512}\n    size: ${size}\npath: ${installer}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T08:00:00.000Z'\n`,
  );
  return { installer };
}

/** What electron-builder writes beside a packaged app (resources/app-update.yml) once `publish` is set. */
export function writeAppUpdateConfig(resources: string): void {
  mkdirSync(resources, { recursive: true });
  writeFileSync(join(resources, 'app-update.yml'), 'provider: generic\nurl: http://127.0.0.1:9/updates/\nupdaterCacheDirName: archive-desk-updater\n');
}
