/** The portfolio feature: what pages place. Each component brings its own custom element script. */
export { default as PortfolioMarks } from './PortfolioMarks.astro';
export { default as PortfolioSection } from './PortfolioSection.astro';
export { default as ProjectReadiness } from './ProjectReadiness.astro';
export { default as ProjectTracker } from './ProjectTracker.astro';
