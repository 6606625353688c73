import { render } from 'preact';
import { App } from './app';
import './popup.css';

// Entry file: wiring only.
render(<App />, document.getElementById('app')!);
