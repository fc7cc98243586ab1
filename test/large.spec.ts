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

test('a warehouse lineage grouped by schema: named, counted groups across the canvas, walked with the keyboard', async ({ page }) => {
  await page.goto('/?connection=acme_edw&schema=core_sales&table=core_sales_00&mock.warehouse=5000&mock.warmup=off');
  await expect(page.getByText(/Showing \d+ of 945 tables/)).toBeVisible({ timeout: 45_000 });
  // Showing all of it groups it (Automatic): 945 tables in 52 schemas.
  await page.getByRole('button', { name: 'Show all 945 tables' }).click();
  const picture = page.getByRole('img', { name: /^Lineage grouped by schema: 52 groups holding 945 tables, \d+ with failing tables\./ });
  await expect(picture).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('View: by schema', { exact: true })).toBeVisible();
  // The picture itself: painted, and spread over most of the canvas's width (not a strip).
  await expect
    .poll(() =>
      picture.evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context) return 0;
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        let left = width;
        let right = -1;
        for (let y = 0; y < height; y += 4) {
          for (let x = 0; x < width; x += 2) {
            const i = (y * width + x) * 4;
            if ((data[i + 3] ?? 0) > 0) {
              left = Math.min(left, x);
              right = Math.max(right, x);
            }
          }
        }
        return right < 0 ? 0 : (right - left) / width;
      }),
    )
    .toBeGreaterThan(0.6);
  // A found table: its details open, its group is centred and named, the groups on its paths stand out.
  const find = page.getByRole('combobox', { name: 'Find table in graph' });
  await find.fill('raw_web_00');
  await find.press('Enter');
  await expect(page.getByRole('region', { name: 'Details of raw_web_00' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^schema raw_web in acme_lake: \d+ tables/ })).toBeVisible();
  // The keyboard walks the groups and each is named in words.
  await picture.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: /^schema \w+ in acme_\w+: \d+ tables?, \d+ failing/ })).toBeVisible();
  // By connection: six groups; back to tables in one choice.
  await page.getByText('View: by schema', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Group by connection' }).click();
  await expect(page.getByRole('img', { name: /^Lineage grouped by connection: 6 groups holding 945 tables/ })).toBeVisible();
  await page.getByText('View: by connection', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Tables, not grouped' }).click();
  await expect(page.getByRole('img', { name: /^Overview of all 945 tables/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show nearby tables only' }).click();
  await expect(page.getByLabel(/^core_sales_00, /)).toBeVisible();
});
