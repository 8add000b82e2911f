// The only components contributed MDX may use; the layout passes them to <Content components>.
import Figure from './Figure.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import Tip from './Tip.astro';
import Warning from './Warning.astro';

export const mdxComponents = { Steps, Tip, Warning, Figure, Term };
