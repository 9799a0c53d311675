// Packaging of SAS Console (electron-builder, which loads this file by its name). Packaging downloads Electron, so it
// cannot run on the development machines: tests/unit/electron/packaging.test.ts checks the entries that matter.
import type { Configuration } from 'electron-builder';

/**
 * Every Electron fuse, each one set on purpose: `Required` makes a fuse that is missing here (or one that a newer
 * electron-builder adds) a compile error instead of Electron's default. `resetAdHocDarwinSignature` is a macOS
 * signing step, not a fuse: electron-builder signs after flipping the fuses anyway.
 */
type ElectronFuses = Required<Omit<NonNullable<Configuration['electronFuses']>, 'resetAdHocDarwinSignature'>>;

export const electronFuses: ElectronFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

/** The URL scheme the LRM launches the console with. */
export const LAUNCH_SCHEME = 'sas-console';

const config: Configuration = {
  appId: 'fr.sante.sas.console',
  productName: 'SAS Console',
  copyright: 'SAS Console contributors',
  directories: { output: 'release', buildResources: 'resources/build' },
  files: ['dist/**', 'package.json', '!**/*.map'],
  extraResources: [
    { from: 'resources/geo', to: 'geo' },
    { from: 'resources/training', to: 'training' },
  ],
  asar: true,
  protocols: [{ name: 'SAS Console', schemes: [LAUNCH_SCHEME] }],
  electronFuses,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'MedicalSoftware',
    mimeTypes: [`x-scheme-handler/${LAUNCH_SCHEME}`],
    desktop: {
      entry: {
        Exec: 'sas-console %U',
        MimeType: `x-scheme-handler/${LAUNCH_SCHEME};`,
      },
    },
  },
  win: { target: 'nsis' },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: true,
    // electron-builder's NSIS target does not register URL protocols by itself: this include does it at install time
    // (the command passes the URL after `--`, so it is never read as a Chromium switch).
    include: 'resources/build/installer.nsh',
  },
  mac: { target: 'dmg', category: 'public.app-category.medical' },
};

export default config;
