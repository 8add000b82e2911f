// The only components contributed MDX may use; the layout passes them to <Content components>.
import Figure from './Figure.astro';
import Img from './Img.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import Tip from './Tip.astro';
import Warning from './Warning.astro';

// img: Markdown pictures become responsive <picture>s (issue 5); editors never write <img>.
export const mdxComponents = { Steps, Tip, Warning, Figure, Term, img: Img };
