import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
const j = Jieba.withDict(dict);
console.log(["建国","秀英","志刚","德明","立群","淑芬","宏伟","贵友","利宏","时间","可证","将馆","新区","斯顿","坡岭","请人","一管","全法","尊富","刚志","钟颢","坚群","胜长","怀启","芬祖","楠","丽华","建平","桂兰","海燕","秀兰","文华","玉梅","晓东","伟"].map(w=>w+":"+j.tag(w,false).map(t=>t.tag+"/"+t.word).join("+")).join(" "));
