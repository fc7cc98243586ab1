// A realistic, deterministic demo catalog: operational databases → data lake landing →
// warehouse staging → marts → reporting. Data-quality problems are planted where stewards
// meet them in real life, so that failures visibly flow downstream:
// - crm_postgres.public.customers: duplicate e-mails (Uniqueness error) → staging → marts → reports
// - datalake.landing.shop_payments: the last load failed (Availability fatal)
// - finance_sqlserver.dbo.fx_rates: rates one day late (Timeliness warning)
// - warehouse.marts.fct_returns: negative refunds (Validity error), its own problem
import type { RuleSeverityLevel } from '@/api/types';

export interface SeedConnection {
  name: string;
  provider: string;
}

export interface SeedSource {
  /** "connection.schema.table" (seed names never contain dots). */
  from: string;
  tool?: string;
  properties?: Record<string, string>;
  /** Explicit mappings target column → source columns; other columns are mapped by equal name. */
  map?: Record<string, string[]>;
}

export interface SeedTable {
  connection: string;
  schema: string;
  table: string;
  /** "name type" pairs separated by commas; a trailing `?` marks a nullable column. */
  columns: string;
  sources?: (string | SeedSource)[];
  /** Dimension → severity; `null` = no checks configured (no status at all). */
  quality?: Record<string, RuleSeverityLevel> | null;
  disabled?: boolean;
  yamlError?: string;
  labels?: string[];
}

export interface SeedCatalog {
  connections: SeedConnection[];
  tables: SeedTable[];
}

const LAKE_AUDIT = ', _loaded_at timestamp, _source_file varchar?';

function landing(from: string, name: string, columns: string, extra: Partial<SeedTable> = {}): SeedTable {
  return {
    connection: 'datalake',
    schema: 'landing',
    table: name,
    columns: columns + LAKE_AUDIT,
    sources: [{ from, tool: 'airbyte', properties: { sync: 'incremental' } }],
    labels: ['landing'],
    ...extra,
  };
}

const CUSTOMERS =
  'customer_id bigint, first_name varchar, last_name varchar, email varchar?, phone varchar?, country_code char(2), created_at timestamp, updated_at timestamp?';
const ADDRESSES =
  'address_id bigint, customer_id bigint, street varchar, city varchar, postal_code varchar?, state varchar?, country_code char(2), is_primary boolean';
const ACCOUNTS = 'account_id bigint, customer_id bigint, account_type varchar, status varchar, opened_at timestamp';
/** A wide feature table (104 columns), as customer-360 tables are: metric × window × channel. */
const CUSTOMER_360 = [
  'customer_key bigint, full_name varchar, email varchar?, country_code char(2), customer_since date, segment varchar, lifetime_value_usd numeric(14,2), churn_risk numeric(5,4)',
  ...['orders_count', 'revenue_usd', 'refunds_usd', 'sessions', 'support_tickets', 'returns_count'].flatMap((metric) =>
    ['web', 'app', 'store', 'partner'].flatMap((channel) => ['7d', '30d', '90d', '365d'].map((window) => `${metric}_${channel}_${window} numeric(14,2)`)),
  ),
].join(', ');
const CONTACTS = 'contact_id bigint, account_id bigint, contact_name varchar, email varchar?, phone varchar?, role varchar?';
const LEADS = 'lead_id bigint, email varchar, source_channel varchar, score int, created_at timestamp';
const CAMPAIGNS = 'campaign_id bigint, campaign_name varchar, channel varchar, budget numeric(12,2), start_date date, end_date date?';
const ORDERS =
  'order_id bigint, customer_id bigint, order_date date, status varchar, currency char(3), total_amount numeric(12,2), shipping_address_id bigint?';
const ORDER_ITEMS = 'order_item_id bigint, order_id bigint, product_id bigint, quantity int, unit_price numeric(12,2), discount numeric(5,2)?';
const PRODUCTS = 'product_id bigint, sku varchar, product_name varchar, category_id int, list_price numeric(12,2), is_active boolean';
const CATEGORIES = 'category_id int, category_name varchar, parent_category_id int?';
const PAYMENTS = 'payment_id bigint, order_id bigint, payment_method varchar, amount numeric(12,2), currency char(3), paid_at timestamp?, status varchar';
const SHIPMENTS = 'shipment_id bigint, order_id bigint, carrier varchar, shipped_at timestamp?, delivered_at timestamp?, status varchar';
const RETURNS = 'return_id bigint, order_item_id bigint, reason varchar?, returned_at timestamp, refund_amount numeric(12,2)';
const INVENTORY = 'product_id bigint, warehouse_id int, quantity_on_hand int, updated_at timestamp';
const INVOICES = 'invoice_id bigint, order_id bigint?, customer_id bigint, invoice_date date, due_date date, amount numeric(14,2), currency char(3)';
const INVOICE_LINES = 'invoice_line_id bigint, invoice_id bigint, product_id bigint, quantity int, amount numeric(14,2)';
const GL = 'entry_id bigint, account_code varchar, cost_center_id int, amount numeric(14,2), currency char(3), posted_at timestamp';
const FX = 'currency char(3), rate_date date, rate_to_usd numeric(18,8)';
const COST_CENTERS = 'cost_center_id int, cost_center_name varchar, region varchar';
const CLICKSTREAM = 'event_id varchar, session_id varchar, customer_id bigint?, event_type varchar, page_url varchar, event_at timestamp';

export const demoCatalog: SeedCatalog = {
  connections: [
    { name: 'crm_postgres', provider: 'postgresql' },
    { name: 'shop_mysql', provider: 'mysql' },
    { name: 'finance_sqlserver', provider: 'sqlserver' },
    { name: 'datalake', provider: 'databricks' },
    { name: 'warehouse', provider: 'snowflake' },
  ],
  tables: [
    // Operational sources
    {
      connection: 'crm_postgres',
      schema: 'public',
      table: 'customers',
      columns: CUSTOMERS,
      quality: { Completeness: 'valid', Uniqueness: 'error', Validity: 'valid' },
    },
    { connection: 'crm_postgres', schema: 'public', table: 'customer_addresses', columns: ADDRESSES },
    { connection: 'crm_postgres', schema: 'public', table: 'accounts', columns: ACCOUNTS },
    { connection: 'crm_postgres', schema: 'public', table: 'contacts', columns: CONTACTS, quality: { Completeness: 'warning', Validity: 'valid' } },
    { connection: 'crm_postgres', schema: 'public', table: 'leads', columns: LEADS },
    { connection: 'crm_postgres', schema: 'public', table: 'campaigns', columns: CAMPAIGNS },
    { connection: 'shop_mysql', schema: 'shop', table: 'orders', columns: ORDERS, quality: { Completeness: 'valid', Validity: 'valid', Timeliness: 'valid' } },
    { connection: 'shop_mysql', schema: 'shop', table: 'order_items', columns: ORDER_ITEMS },
    { connection: 'shop_mysql', schema: 'shop', table: 'products', columns: PRODUCTS },
    { connection: 'shop_mysql', schema: 'shop', table: 'product_categories', columns: CATEGORIES, quality: null },
    { connection: 'shop_mysql', schema: 'shop', table: 'payments', columns: PAYMENTS },
    { connection: 'shop_mysql', schema: 'shop', table: 'shipments', columns: SHIPMENTS },
    { connection: 'shop_mysql', schema: 'shop', table: 'returns', columns: RETURNS },
    { connection: 'shop_mysql', schema: 'shop', table: 'inventory', columns: INVENTORY },
    {
      connection: 'shop_mysql',
      schema: 'shop',
      table: 'carts_legacy',
      columns: 'cart_id bigint, customer_id bigint?, created_at timestamp',
      disabled: true,
      quality: null,
    },
    { connection: 'finance_sqlserver', schema: 'dbo', table: 'invoices', columns: INVOICES },
    { connection: 'finance_sqlserver', schema: 'dbo', table: 'invoice_lines', columns: INVOICE_LINES },
    {
      connection: 'finance_sqlserver',
      schema: 'dbo',
      table: 'gl_entries',
      columns: GL,
      quality: { Completeness: 'valid', Consistency: 'valid', Validity: 'valid' },
    },
    { connection: 'finance_sqlserver', schema: 'dbo', table: 'fx_rates', columns: FX, quality: { Completeness: 'valid', Timeliness: 'warning' } },
    { connection: 'finance_sqlserver', schema: 'dbo', table: 'cost_centers', columns: COST_CENTERS, quality: null },

    // Data lake landing zone (one copy per source table, plus web events from Kafka)
    landing('crm_postgres.public.customers', 'crm_customers', CUSTOMERS),
    landing('crm_postgres.public.customer_addresses', 'crm_customer_addresses', ADDRESSES),
    landing('crm_postgres.public.accounts', 'crm_accounts', ACCOUNTS),
    landing('crm_postgres.public.contacts', 'crm_contacts', CONTACTS),
    landing('crm_postgres.public.leads', 'crm_leads', LEADS),
    landing('crm_postgres.public.campaigns', 'crm_campaigns', CAMPAIGNS),
    landing('shop_mysql.shop.orders', 'shop_orders', ORDERS),
    landing('shop_mysql.shop.order_items', 'shop_order_items', ORDER_ITEMS),
    landing('shop_mysql.shop.products', 'shop_products', PRODUCTS),
    landing('shop_mysql.shop.product_categories', 'shop_product_categories', CATEGORIES),
    landing('shop_mysql.shop.payments', 'shop_payments', PAYMENTS, { quality: { Availability: 'fatal', Completeness: 'error', Timeliness: 'error' } }),
    landing('shop_mysql.shop.shipments', 'shop_shipments', SHIPMENTS),
    landing('shop_mysql.shop.returns', 'shop_returns', RETURNS),
    landing('shop_mysql.shop.inventory', 'shop_inventory', INVENTORY),
    landing('finance_sqlserver.dbo.invoices', 'fin_invoices', INVOICES),
    landing('finance_sqlserver.dbo.invoice_lines', 'fin_invoice_lines', INVOICE_LINES),
    landing('finance_sqlserver.dbo.gl_entries', 'fin_gl_entries', GL),
    landing('finance_sqlserver.dbo.fx_rates', 'fin_fx_rates', FX),
    landing('finance_sqlserver.dbo.cost_centers', 'fin_cost_centers', COST_CENTERS),
    // Source not imported into DQOps: shows as "table not in DQOps".
    landing('kafka_events.web.clickstream', 'web_clickstream', CLICKSTREAM, { sources: [{ from: 'kafka_events.web.clickstream', tool: 'kafka-connect' }] }),
    {
      connection: 'datalake',
      schema: 'landing',
      table: 'fin_budget',
      columns: 'budget_id bigint, cost_center_id int, amount numeric(14,2)',
      yamlError: 'Cannot parse spec.columns.amount.type_snapshot: unknown property "precission"',
      quality: null,
    },

    // A copy of the lake's orders that Snowpipe loads into the warehouse (kept during a migration):
    // the same schema and table name in two connections, which the import asks the steward about.
    {
      connection: 'warehouse',
      schema: 'landing',
      table: 'shop_orders',
      columns: ORDERS + LAKE_AUDIT,
      sources: [{ from: 'datalake.landing.shop_orders', tool: 'snowpipe' }],
      quality: null,
      labels: ['landing'],
    },

    // Warehouse staging
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_customers',
      columns:
        'customer_id bigint, full_name varchar, email varchar?, phone varchar?, country_code char(2), city varchar?, postal_code varchar?, created_at timestamp',
      sources: [
        { from: 'datalake.landing.crm_customers', tool: 'dbt', map: { full_name: ['first_name', 'last_name'] } },
        { from: 'datalake.landing.crm_customer_addresses', tool: 'dbt' },
      ],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_accounts',
      columns: ACCOUNTS,
      sources: [
        { from: 'datalake.landing.crm_accounts', tool: 'dbt' },
        { from: 'datalake.landing.crm_contacts', tool: 'dbt' },
      ],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_leads',
      columns: LEADS + ', campaign_id bigint?',
      sources: [
        { from: 'datalake.landing.crm_leads', tool: 'dbt' },
        { from: 'datalake.landing.crm_campaigns', tool: 'dbt' },
      ],
    },
    { connection: 'warehouse', schema: 'staging', table: 'stg_orders', columns: ORDERS, sources: [{ from: 'datalake.landing.shop_orders', tool: 'dbt' }] },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_order_items',
      columns: ORDER_ITEMS + ', line_amount numeric(12,2)',
      sources: [{ from: 'datalake.landing.shop_order_items', tool: 'dbt', map: { line_amount: ['quantity', 'unit_price', 'discount'] } }],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_products',
      columns: 'product_id bigint, sku varchar, product_name varchar, category_name varchar, list_price numeric(12,2), is_active boolean',
      sources: [
        { from: 'datalake.landing.shop_products', tool: 'dbt' },
        { from: 'datalake.landing.shop_product_categories', tool: 'dbt' },
      ],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_payments',
      columns: PAYMENTS,
      sources: [{ from: 'datalake.landing.shop_payments', tool: 'dbt' }],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_shipments',
      columns: SHIPMENTS,
      sources: [{ from: 'datalake.landing.shop_shipments', tool: 'dbt' }],
    },
    { connection: 'warehouse', schema: 'staging', table: 'stg_returns', columns: RETURNS, sources: [{ from: 'datalake.landing.shop_returns', tool: 'dbt' }] },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_inventory',
      columns: INVENTORY,
      sources: [{ from: 'datalake.landing.shop_inventory', tool: 'dbt' }],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_invoices',
      columns: INVOICES + ', line_count int',
      sources: [
        { from: 'datalake.landing.fin_invoices', tool: 'dbt' },
        { from: 'datalake.landing.fin_invoice_lines', tool: 'dbt', map: { line_count: ['invoice_line_id'] } },
      ],
    },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_gl_entries',
      columns: GL + ', cost_center_name varchar, region varchar',
      sources: [
        { from: 'datalake.landing.fin_gl_entries', tool: 'dbt' },
        { from: 'datalake.landing.fin_cost_centers', tool: 'dbt' },
      ],
    },
    { connection: 'warehouse', schema: 'staging', table: 'stg_fx_rates', columns: FX, sources: [{ from: 'datalake.landing.fin_fx_rates', tool: 'dbt' }] },
    {
      connection: 'warehouse',
      schema: 'staging',
      table: 'stg_web_sessions',
      columns: 'session_id varchar, customer_id bigint?, started_at timestamp, page_views int, converted boolean',
      sources: [
        { from: 'datalake.landing.web_clickstream', tool: 'dbt', map: { started_at: ['event_at'], page_views: ['event_id'], converted: ['event_type'] } },
      ],
    },

    // Marts
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'dim_customers',
      columns: 'customer_key bigint, customer_id bigint, full_name varchar, email varchar?, country_code char(2), account_count int, customer_since date',
      sources: [
        { from: 'warehouse.staging.stg_customers', tool: 'dbt', map: { customer_key: ['customer_id'], customer_since: ['created_at'] } },
        { from: 'warehouse.staging.stg_accounts', tool: 'dbt', map: { account_count: ['account_id'] } },
      ],
      labels: ['mart', 'pii'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'customer_360',
      columns: CUSTOMER_360,
      sources: [
        {
          from: 'warehouse.marts.dim_customers',
          tool: 'dbt',
          map: {
            customer_key: ['customer_key'],
            full_name: ['full_name'],
            email: ['email'],
            country_code: ['country_code'],
            customer_since: ['customer_since'],
          },
        },
      ],
      labels: ['mart', 'pii', 'wide'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'dim_products',
      columns: 'product_key bigint, product_id bigint, sku varchar, product_name varchar, category_name varchar, list_price numeric(12,2)',
      sources: [{ from: 'warehouse.staging.stg_products', tool: 'dbt', map: { product_key: ['product_id'] } }],
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'dim_date',
      columns: 'date_key int, calendar_date date, year int, quarter int, month int, day_of_week int, is_holiday boolean',
      quality: null,
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_orders',
      columns:
        'order_id bigint, customer_key bigint, date_key int, status varchar, total_amount numeric(12,2), total_amount_usd numeric(14,2), paid_amount numeric(12,2)',
      sources: [
        { from: 'warehouse.staging.stg_orders', tool: 'dbt', map: { date_key: ['order_date'], total_amount_usd: ['total_amount'] } },
        { from: 'warehouse.staging.stg_payments', tool: 'dbt', map: { paid_amount: ['amount'] } },
        { from: 'warehouse.staging.stg_fx_rates', tool: 'dbt', map: { total_amount_usd: ['rate_to_usd'] } },
        { from: 'warehouse.marts.dim_customers', tool: 'dbt', map: { customer_key: ['customer_key'] } },
      ],
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_order_items',
      columns: 'order_item_id bigint, order_id bigint, product_key bigint, quantity int, line_amount numeric(12,2)',
      sources: [
        { from: 'warehouse.staging.stg_order_items', tool: 'dbt' },
        { from: 'warehouse.marts.dim_products', tool: 'dbt', map: { product_key: ['product_key'] } },
      ],
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_shipments',
      columns: 'shipment_id bigint, order_id bigint, carrier varchar, days_to_deliver int?, status varchar',
      sources: [{ from: 'warehouse.staging.stg_shipments', tool: 'dbt', map: { days_to_deliver: ['shipped_at', 'delivered_at'] } }],
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_returns',
      columns: 'return_id bigint, order_item_id bigint, product_key bigint, refund_amount numeric(12,2), returned_at timestamp',
      sources: [
        { from: 'warehouse.staging.stg_returns', tool: 'dbt' },
        { from: 'warehouse.marts.fct_order_items', tool: 'dbt', map: { product_key: ['product_key'] } },
      ],
      quality: { Completeness: 'valid', Validity: 'error' },
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_revenue',
      columns: 'order_id bigint, invoice_id bigint?, customer_key bigint, revenue_usd numeric(14,2), recognized_at date',
      sources: [
        { from: 'warehouse.marts.fct_orders', tool: 'dbt', map: { revenue_usd: ['total_amount_usd'] } },
        { from: 'warehouse.staging.stg_invoices', tool: 'dbt', map: { recognized_at: ['invoice_date'] } },
        { from: 'warehouse.staging.stg_fx_rates', tool: 'dbt', map: { revenue_usd: ['rate_to_usd'] } },
      ],
      labels: ['mart', 'finance'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_gl',
      columns: 'entry_id bigint, account_code varchar, cost_center_name varchar, region varchar, amount_usd numeric(14,2), posted_at timestamp',
      sources: [
        { from: 'warehouse.staging.stg_gl_entries', tool: 'dbt', map: { amount_usd: ['amount'] } },
        { from: 'warehouse.staging.stg_fx_rates', tool: 'dbt', map: { amount_usd: ['rate_to_usd'] } },
      ],
      labels: ['mart', 'finance'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_marketing',
      columns: 'lead_id bigint, campaign_id bigint?, customer_id bigint?, sessions int, converted boolean',
      sources: [
        { from: 'warehouse.staging.stg_leads', tool: 'dbt' },
        { from: 'warehouse.staging.stg_web_sessions', tool: 'dbt', map: { sessions: ['session_id'] } },
      ],
      labels: ['mart'],
    },
    {
      connection: 'warehouse',
      schema: 'marts',
      table: 'fct_inventory_snapshot',
      columns: 'product_key bigint, warehouse_id int, quantity_on_hand int, snapshot_date date',
      sources: [
        { from: 'warehouse.staging.stg_inventory', tool: 'dbt', map: { snapshot_date: ['updated_at'] } },
        { from: 'warehouse.marts.dim_products', tool: 'dbt', map: { product_key: ['product_key'] } },
      ],
      labels: ['mart'],
    },

    // Reporting
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_daily_sales',
      columns: 'calendar_date date, orders int, revenue_usd numeric(16,2), average_order_usd numeric(12,2)',
      sources: [
        {
          from: 'warehouse.marts.fct_orders',
          tool: 'dbt',
          map: { orders: ['order_id'], revenue_usd: ['total_amount_usd'], average_order_usd: ['total_amount_usd'] },
        },
        { from: 'warehouse.marts.dim_date', tool: 'dbt' },
      ],
      labels: ['report'],
    },
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_customer_ltv',
      columns: 'customer_key bigint, full_name varchar, lifetime_revenue_usd numeric(16,2), first_order_date date',
      sources: [
        { from: 'warehouse.marts.dim_customers', tool: 'dbt' },
        { from: 'warehouse.marts.fct_revenue', tool: 'dbt', map: { lifetime_revenue_usd: ['revenue_usd'], first_order_date: ['recognized_at'] } },
      ],
      labels: ['report', 'pii'],
    },
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_product_performance',
      columns: 'product_key bigint, product_name varchar, units_sold int, return_rate numeric(5,4)',
      sources: [
        { from: 'warehouse.marts.fct_order_items', tool: 'dbt', map: { units_sold: ['quantity'] } },
        { from: 'warehouse.marts.dim_products', tool: 'dbt' },
        { from: 'warehouse.marts.fct_returns', tool: 'dbt', map: { return_rate: ['return_id'] } },
      ],
      labels: ['report'],
    },
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_finance_pnl',
      columns: 'month date, region varchar, revenue_usd numeric(16,2), cost_usd numeric(16,2), margin_usd numeric(16,2)',
      sources: [
        { from: 'warehouse.marts.fct_gl', tool: 'dbt', map: { cost_usd: ['amount_usd'], month: ['posted_at'] } },
        { from: 'warehouse.marts.fct_revenue', tool: 'dbt', map: { revenue_usd: ['revenue_usd'] } },
      ],
      labels: ['report', 'finance'],
    },
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_marketing_funnel',
      columns: 'campaign_id bigint?, leads int, sessions int, customers int, conversion_rate numeric(5,4)',
      sources: [
        { from: 'warehouse.marts.fct_marketing', tool: 'dbt', map: { leads: ['lead_id'], customers: ['customer_id'], conversion_rate: ['converted'] } },
        { from: 'warehouse.marts.dim_customers', tool: 'dbt' },
      ],
      labels: ['report'],
    },
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_fulfilment_sla',
      columns: 'carrier varchar, shipments int, on_time_rate numeric(5,4)',
      sources: [{ from: 'warehouse.marts.fct_shipments', tool: 'dbt', map: { shipments: ['shipment_id'], on_time_rate: ['days_to_deliver'] } }],
      labels: ['report'],
    },
    {
      connection: 'warehouse',
      schema: 'reporting',
      table: 'rpt_executive_kpis',
      columns: 'month date, revenue_usd numeric(16,2), margin_usd numeric(16,2), active_customers int, on_time_rate numeric(5,4)',
      sources: [
        { from: 'warehouse.reporting.rpt_daily_sales', tool: 'looker' },
        { from: 'warehouse.reporting.rpt_finance_pnl', tool: 'looker' },
        { from: 'warehouse.reporting.rpt_customer_ltv', tool: 'looker', map: { active_customers: ['customer_key'] } },
        { from: 'warehouse.reporting.rpt_fulfilment_sla', tool: 'looker' },
      ],
      labels: ['report', 'executive'],
    },
  ],
};
