// The entry module of the <text-explorer> widget, the one file a host loads
// (`<script type="module" src=".../text-explorer.js">`): it defines the element. The class
// lives in text-explorer-element.js (GitHub's elements keep the class and `define` apart in
// the same way), so a module can import the class without defining anything.

import { TextExplorer, CONTROLS } from './text-explorer-element.js';

export { TextExplorer, CONTROLS };

if (!customElements.get('text-explorer')) customElements.define('text-explorer', TextExplorer);
