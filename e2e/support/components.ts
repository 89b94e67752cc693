import { expect } from '@playwright/test';
import type { MemoryPanel } from './fixtures.js';

/** Shows the panel's Components view and waits until it follows React's commits. */
export async function openComponents(panel: MemoryPanel): Promise<void> {
  await panel.frame.getByRole('tab', { name: 'Components' }).click();
  await expect(panel.frame.getByTestId('react-status')).toHaveAttribute('data-value', 'active');
}

/** A cell of a component's row in the panel's table (numeric cells carry `data-value`). */
export function cell(panel: MemoryPanel, component: string, column: string) {
  return panel.frame.locator(`[data-testid="components-table"] tr[data-component="${component}"] td[data-column="${column}"]`);
}

/** The number behind a numeric cell of a component's row. */
export async function cellValue(panel: MemoryPanel, component: string, column: string): Promise<number> {
  return Number(await cell(panel, component, column).getAttribute('data-value'));
}
