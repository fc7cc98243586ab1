// The console as it is: the component's CSS first, the console's Tailwind (preflight) after it.
import 'lineage-studio/style.css';
import './console.css';
import './palette.css';
import { startHost } from './host.js';

startHost({ basename: '' });
