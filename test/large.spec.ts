import { expect, test } from './fixtures';

test('a 1,000-table lineage opens small, and "show all" paints an overview without freezing the page', async ({ page }) => {
  await page.goto('/?connection=synthetic&schema=pipeline&table=hub_events&mock.generator=1000&mock.warmup=off');
  // The in-browser mock builds the 1,000-table catalog and its 2,300-flow tree first: allow for a slow CI machine.
  await expect(page.getByText('Showing 201 of 1000 tables')).toBeVisible({ timeout: 45_000 });

  await page.getByRole('button', { name: 'Show all 1000 tables' }).click();
  await expect(page.getByRole('img', { name: /Overview of all 1000 tables/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing 1000 of 1000 tables')).toBeVisible();
  // The page answers after painting: select a table through search.
  const find = page.getByRole('combobox', { name: 'Find table in graph' });
  await find.fill('l0_t00000');
  await find.press('Enter');
  await expect(page.getByRole('region', { name: 'Details of l0_t00000' })).toBeVisible();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  // One action back to the readable neighbourhood (the found table stays drawn).
  await page.getByRole('button', { name: 'Show nearby tables only' }).click();
  await expect(page.getByRole('img', { name: /Overview/ })).toHaveCount(0);
  await expect(page.getByText(/Showing 20\d of 1000 tables/)).toBeVisible();
});
