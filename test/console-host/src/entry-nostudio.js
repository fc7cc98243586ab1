// The console without the component (the reference for the host's own styles).
import './console.css';
import { startHost } from './host-chrome.js';

startHost({ basename: '/nostudio' });
