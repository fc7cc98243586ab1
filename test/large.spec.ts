import { expect, exportFile, test } from './fixtures';

test('a 1,000-table lineage in one schema opens small; "show all" groups it by level from the focus, or paints every table', async ({ page }) => {
  await page.goto('/?connection=synthetic&schema=pipeline&table=hub_events&mock.generator=1000&mock.warmup=off');
  // The in-browser mock builds the 1,000-table catalog and its 2,300-flow tree first: allow for a slow CI machine.
  await expect(page.getByText('Showing 201 of 1000 tables')).toBeVisible({ timeout: 45_000 });

  // One schema, one connection: nothing to group by name, so Automatic groups by level.
  await page.getByRole('button', { name: 'Show all 1000 tables' }).click();
  const picture = page.getByRole('img', { name: /^Lineage grouped by level from the focus: \d+ groups holding 1,000 tables, \d+ with failing tables; 1 group open\./ });
  await expect(picture).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing all 1000 tables, grouped by level from the focus')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('A box per level from the focus: its tables');
  // Walked with the keyboard: the furthest upstream level first, each named in words.
  await picture.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ (or more )?levels? upstream: \d+ tables?, \d+ failing\./ })).toBeVisible();
  // A search opens the table's level and selects it.
  const find = page.getByRole('combobox', { name: 'Find table in graph' });
  await find.fill('l0_t00000');
  await find.press('Enter');
  await expect(page.getByRole('region', { name: 'Details of l0_t00000' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Lineage grouped by level from the focus: .*; 2 groups open\./ })).toBeVisible();

  // Every table, not grouped: the overview canvas.
  await page.getByText('View', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Tables, not grouped' }).click();
  await expect(page.getByRole('img', { name: /Overview of all 1000 tables/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing 1000 of 1000 tables')).toBeVisible();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  // One action back to the readable neighbourhood (the found table stays drawn).
  await page.getByRole('button', { name: 'Show nearby' }).click();
  await expect(page.getByRole('img', { name: /Overview/ })).toHaveCount(0);
  await expect(page.getByText(/Showing 20\d of 1000 tables/)).toBeVisible();
});

test('a warehouse lineage grouped by schema: named, counted groups across the canvas, walked with the keyboard', async ({ page }) => {
  await page.goto('/?connection=acme_edw&schema=core_sales&table=core_sales_00&mock.warehouse=5000&mock.warmup=off');
  await expect(page.getByText(/Showing \d+ of 945 tables/)).toBeVisible({ timeout: 45_000 });
  // Showing all of it groups it (Automatic): 945 tables in 52 schemas.
  await page.getByRole('button', { name: 'Show all 945 tables' }).click();
  const picture = page.getByRole('img', { name: /^Lineage grouped by schema: 52 groups holding 945 tables, \d+ with failing tables; 1 group open\./ });
  await expect(picture).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing all 945 tables, grouped by schema')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('A box per schema: its tables, how many fail');
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
  // The keyboard walks the groups and each is named in words.
  await picture.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: /^schema \w+ in acme_\w+: \d+ tables?, \d+ failing/ })).toBeVisible();
  // By connection: six groups; back to tables in one choice.
  await page.getByText('View', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Group by connection' }).click();
  await expect(page.getByRole('img', { name: /^Lineage grouped by connection: 6 groups holding 945 tables/ })).toBeVisible();
  await expect(page.getByText('Showing all 945 tables, grouped by connection')).toBeVisible();
  await page.getByText('View', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Tables, not grouped' }).click();
  await expect(page.getByRole('img', { name: /^Overview of all 945 tables/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show nearby' }).click();
  await expect(page.getByLabel(/^core_sales_00, /)).toBeVisible();
});

test('grouped: groups open and close in place, a found table in a closed group, paths and root cause across groups, the picture exported', async ({ page }) => {
  await page.goto('/?connection=acme_edw&schema=core_sales&table=core_sales_00&mock.warehouse=5000&mock.warmup=off');
  await expect(page.getByText(/Showing \d+ of 945 tables/)).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Show all 945 tables' }).click();
  const picture = page.getByRole('img', { name: /^Lineage grouped by schema/ });
  // The focus's group starts open.
  await expect(picture).toHaveAccessibleName(/; 1 group open\./, { timeout: 30_000 });
  const status = page.locator('.ls-overview__status');

  // Keyboard: walk to the first group, open it with Enter, walk into its tables, Enter shows one's details.
  await picture.focus();
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText(/^schema (raw_\w+) in acme_lake: \d+ tables, \d+ failing\.$/);
  const group = /^schema (raw_\w+)/.exec((await status.textContent()) ?? '')?.[1] as string;
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(new RegExp(`^schema ${group} in acme_lake: .*, open\\.$`));
  await expect(picture).toHaveAccessibleName(/; 2 groups open\./);
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText(new RegExp(`^(${group}_\\d+) in ${group} \\(acme_lake\\): \\w+\\. Enter shows its details\\.$`));
  const table = /^(\w+) in/.exec((await status.textContent()) ?? '')?.[1] as string;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `Details of ${table}` })).toBeVisible();
  // Its paths, across the groups they cross.
  await expect(picture).toHaveAccessibleName(/Highlighted: \d+ tables in \d+ groups\./);
  // The mouse: the group's own buttons close it again, and open every schema of its connection.
  await picture.focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: `Close ${group}` }).click();
  await expect(picture).toHaveAccessibleName(/; 1 group open\./);
  const openAll = page.getByRole('button', { name: /^Open all \d+ in acme_lake$/ });
  const schemas = Number(/\d+/.exec((await openAll.textContent()) ?? '')?.[0]);
  expect(schemas).toBe(14); // landing_* and raw_*
  await openAll.click();
  await expect(picture).toHaveAccessibleName(new RegExp(`; ${schemas + 1} groups open\\.`));
  await page.getByRole('button', { name: 'Close all in acme_lake' }).click();
  await expect(picture).toHaveAccessibleName(/; 1 group open\./);

  // A table in a closed group: found, its group opens, the table is drawn in the middle; a click there selects it.
  const find = page.getByRole('combobox', { name: 'Find table in graph' });
  await find.fill('features_crm_11');
  await find.press('Enter');
  await expect(picture).toHaveAccessibleName(/; 2 groups open\./);
  await expect(status).toHaveText(/^features_crm_11 in features_crm \(acme_ml\): /);
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(page.getByRole('region', { name: 'Details of features_crm_11' })).toHaveCount(0);
  const box = await picture.boundingBox();
  if (!box) throw new Error('no picture');
  // Nothing selected: the pointer on the table highlights its paths, as in the React Flow view.
  await expect(picture).not.toHaveAccessibleName(/Highlighted:/);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(picture).toHaveAccessibleName(/Highlighted: \d+ tables in \d+ groups\./);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const details = page.getByRole('region', { name: 'Details of features_crm_11' });
  await expect(details).toBeVisible();

  // Root cause across the groups: the failing tables upstream, named, and highlighted in the picture.
  await details.getByRole('button', { name: 'Trace root cause' }).click();
  await expect(page.getByRole('list', { name: 'Root cause, nearest first' }).getByRole('listitem').first()).toBeVisible();
  await expect(picture).toHaveAccessibleName(/Highlighted: \d+ tables in \d+ groups\./);

  // The picture as shown: every group named and counted, the open groups with their tables.
  const svg = await exportFile(page, 'Vector picture (SVG)');
  expect(svg.name).toBe('lineage-acme_edw-core_sales-core_sales_00.svg');
  expect(svg.text).toContain('945 tables in 52 schemas');
  expect(svg.text).toContain('>▾ core_sales<');
  expect(svg.text).toContain('>▾ features_crm<');
  expect(svg.text).toContain('>features_crm_11<');
  // Each connection framed around its schemas, named and counted.
  expect(svg.text).toContain('>acme_lake<');
  expect(svg.text).toMatch(/>14 schemas · 112 tables · \d+ failing</);
  const png = await exportFile(page, 'Picture (PNG)');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
});
