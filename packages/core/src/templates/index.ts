export { postProcessRendered, regexSearchFilter, tojsonFilter, truncateFilter } from './filters.js';
export { renderTemplate, templateLimits } from './render.js';
