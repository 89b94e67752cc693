import type { BrowserContext, Frame, Page } from '@playwright/test';
export declare const panelId: (extensionId: string, title?: string) => string;
export declare function openMemoryPanel(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  options?: { timeout?: number },
): Promise<{ devtools: Page; panel: Frame }>;
export declare function dockDevTools(devtools: Page, side: 'bottom' | 'right' | 'left' | 'undocked'): Promise<void>;
