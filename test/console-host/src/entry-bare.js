// A bare page: the component's CSS and nothing else (the reference for computed styles).
import 'lineage-studio/style.css';
import './palette.css';
import { startHost } from './host.js';

startHost({ basename: '/bare' });
