import { render } from 'preact';
import { App } from './app';
import './popup.css';
import './styles/forms.css';
import './styles/lists.css';
import './styles/widgets.css';

// Entry file: wiring only.
render(<App />, document.getElementById('app')!);
