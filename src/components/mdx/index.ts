// The only components contributed MDX may use; the layout passes them to <Content components>.
import Figure from './Figure.astro';
import Img from './Img.astro';
import Link from './Link.astro';
import ListItem from './ListItem.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import Tip from './Tip.astro';
import Warning from './Warning.astro';

// img: Markdown pictures become responsive <picture>s (issue 5); editors never write <img>.
// li: an item that is only a link is a stand-alone touch target (issue 11).
// a: a link into the glossary is a <Term> (issue 15: the CMS's link button makes it).
export const mdxComponents = { Steps, Tip, Warning, Figure, Term, img: Img, li: ListItem, a: Link };
