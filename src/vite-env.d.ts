/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** 'true': demo build (MSW in the browser); set by vite.config.ts. */
  readonly VITE_DEMO: string;
  /** The DQOps server the dev/preview proxy forwards /api to, for display only. */
  readonly VITE_DQOPS_URL: string;
}
