// The other order: the console's Tailwind (preflight) first, the component's CSS after it.
import './console.css';
import 'lineage-studio/style.css';
import './palette.css';
import { startHost } from './host.js';

startHost({ basename: '/reset-first' });
