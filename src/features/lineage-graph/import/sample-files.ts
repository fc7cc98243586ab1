// Files a steward can import without one of their own (the demo offers its dbt project and
// OpenLineage events). Apart from the dialog, so that providing them does not load it.
import { createContext } from 'react';

export interface SampleFile {
  /** The button's words. */
  label: string;
  /** The file name the report shows. */
  name: string;
  read: () => Promise<string>;
}

export const SampleFilesContext = createContext<readonly SampleFile[]>([]);
