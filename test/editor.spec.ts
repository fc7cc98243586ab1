import { dragLink, expect, node, openDemo, pick, settledBox, test } from './fixtures';

const DIM_PRODUCTS = { connection: 'warehouse', schema: 'marts', table: 'dim_products' };

test('add a source with column mappings, see the new edge, edit it, delete it and undo', async ({ page }) => {
  await openDemo(page, DIM_PRODUCTS, '&direction=upstream');
  await expect(node(page, 'stg_products')).toBeVisible();
  await expect(node(page, 'shop_inventory')).toHaveCount(0);

  // Add datalake.landing.shop_inventory as a source of dim_products.
  await page.getByRole('tab', { name: 'Source tables' }).click();
  await page.getByRole('button', { name: '+ Add source table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source table to dim_products' });
  await pick(page, 'Source connection', 'datalake');
  await pick(page, 'Source schema', 'landing');
  await pick(page, 'Source table', 'shop_inventory');
  await dialog.getByRole('textbox', { name: 'Source tool (optional)' }).fill('spark');
  await dialog.getByRole('button', { name: 'Auto-map by name' }).click();
  await expect(dialog.getByRole('group', { name: 'Proposed mappings' })).toContainText('product_id ← product_id');
  await dialog.getByRole('button', { name: 'Apply 1 mapping' }).click();
  await expect(dialog.getByLabel('Mapping coverage')).toContainText('1 of 6 columns take data from a source column');
  await dialog.getByRole('button', { name: 'Add source table' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Added shop_inventory as a source of dim_products.')).toBeVisible();
  await expect(page.getByRole('row', { name: /shop_inventory/ })).toBeVisible();

  // The graph shows the new edge without a reload.
  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  await expect(node(page, 'shop_inventory')).toBeVisible();
  const edge = page.locator('.react-flow__edge[data-id="datalake/landing/shop_inventory→warehouse/marts/dim_products"]');
  await expect(edge).toBeVisible();
  await settledBox(edge); // the picture is redrawn once DQOps's lineage has been read again

  // Edit it from the canvas: select the edge, open the editor.
  await edge.click({ force: true });
  await page.getByRole('button', { name: 'Edit or remove this link' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit source shop_inventory of dim_products' });
  await expect(editor.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('spark');
  await editor.getByRole('textbox', { name: 'Source tool (optional)' }).fill('spark-3');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toHaveCount(0);

  // Delete it, then undo.
  await page.getByRole('tab', { name: 'Source tables' }).click();
  await page.getByRole('button', { name: 'Remove source shop_inventory' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove source table?' });
  await expect(confirm).toContainText('This deletes 1 column mapping and the source tool "spark-3".');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: /shop_inventory/ })).toHaveCount(0);
  // The removed row's button is gone: the focus is on "+ Add source table", not lost on the page.
  await expect(page.getByRole('button', { name: '+ Add source table' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /shop_inventory/ })).toBeVisible();

  // Edits persist across a reload in the demo.
  await page.reload();
  await expect(page.getByRole('row', { name: /shop_inventory/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit source shop_inventory' }).click();
  await expect(page.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('spark-3');
});

test('drag a table onto another to start "add source" with both ends filled in', async ({ page }) => {
  await openDemo(page, DIM_PRODUCTS);
  await dragLink(page, 'stg_products', 'fct_order_items');
  const dialog = page.getByRole('dialog', { name: 'Add a source table to fct_order_items' });
  await expect(dialog.getByRole('combobox', { name: 'Source table' })).toHaveValue('stg_products');
  await expect(dialog.getByRole('combobox', { name: 'Source schema' })).toHaveValue('staging');
});

test('unsaved changes are not lost silently: the app asks, staying keeps them, Escape included', async ({ page }) => {
  await openDemo(page, DIM_PRODUCTS, '&view=sources');
  await page.getByRole('button', { name: 'Edit source stg_products' }).click();
  const editor = page.getByRole('dialog', { name: /stg_products/ });
  const tool = editor.getByRole('textbox', { name: 'Source tool (optional)' });
  await tool.fill('changed');
  const prompt = page.getByRole('dialog', { name: 'Discard your changes?' });

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(prompt).toContainText('unsaved changes to the lineage of dim_products');
  await expect(prompt.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(tool).toHaveValue('changed');

  // Escape, twice in a row without a click in between: staying must mean staying (Chromium closes a
  // dialog on the second cancelled Escape on its own).
  for (let round = 0; round < 2; round += 1) {
    await tool.focus();
    await page.keyboard.press('Escape');
    await expect(prompt).toBeVisible();
    await page.keyboard.press('Escape'); // Escape in the question = keep editing
    await expect(prompt).toHaveCount(0);
    await expect(editor).toBeVisible();
    await expect(tool).toHaveValue('changed');
    expect(new URL(page.url()).searchParams.get('editSource')).toBeTruthy();
  }

  // Chromium closes a dialog by itself after a second cancelled Escape with no click in between
  // (its close-request anti-abuse rule); whatever closes it, the page must follow: ask, and staying reopens it.
  await editor.evaluate((dialog: HTMLDialogElement) => dialog.close());
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(editor).toBeVisible();
  await expect(tool).toHaveValue('changed');

  // Leaving on purpose: the editor closes, the URL says so, and Edit opens it again.
  await page.keyboard.press('Escape');
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('editSource')).toBeNull();
  await page.getByRole('button', { name: 'Edit source stg_products' }).click();
  await expect(editor.getByRole('textbox', { name: 'Source tool (optional)' })).not.toHaveValue('changed');
});

test('a viewer sees lineage without edit controls', async ({ page }) => {
  await openDemo(page, DIM_PRODUCTS, '&view=sources&mock.role=viewer');
  await expect(page.getByRole('row', { name: /stg_products/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Remove source/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '+ Add source table' })).toHaveCount(0);
  // Said once, where the controls would be.
  await expect(page.getByRole('note').filter({ hasText: 'Read-only: your DQOps role cannot edit lineage' })).toBeVisible();
  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  await expect(page.getByRole('toolbar', { name: 'Graph tools' }).getByRole('note')).toContainText('Read-only: your DQOps role cannot edit lineage');
  await expect(page.getByRole('button', { name: /^✎ Draft/ })).toHaveCount(0);
});

test('keyboard only: fill and save the source form', async ({ page }) => {
  await openDemo(page, { connection: 'warehouse', schema: 'marts', table: 'dim_date' }, '&view=sources');
  const add = page.getByRole('button', { name: '+ Add source table' }).first();
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Source connection' })).toBeFocused();
  const firstOption = (label: string) => page.getByRole('listbox', { name: label, exact: true }).getByRole('option').first();
  await page.keyboard.type('finance');
  await expect(firstOption('Source connection')).toHaveText(/finance_sqlserver/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Source schema' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(firstOption('Source schema')).toHaveText('dbo'); // wait for the list, as a person would
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Source table' })).toBeFocused();
  await page.keyboard.type('fx_rates');
  await expect(firstOption('Source table')).toHaveText(/^fx_rates/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('manual');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByText('Added fx_rates as a source of dim_date.')).toBeVisible();
  await expect(page.getByRole('row', { name: /fx_rates/ })).toBeVisible();
});
