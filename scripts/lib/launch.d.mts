import type { BrowserContext } from '@playwright/test';
export declare const EXTENSION_DIR: string;
export declare function launchWithExtension(options?: {
  headless?: boolean;
  userDataDir?: string;
  args?: string[];
  handleSignals?: boolean;
}): Promise<{ context: BrowserContext; extensionId: string; userDataDir: string }>;
