/** The wizard's page entry (index.html loads it): renders the App into #app. */
import { h, render } from 'preact';
import { App } from './App.js';
import './styles.css';

render(h(App, {}), document.getElementById('app')!);
