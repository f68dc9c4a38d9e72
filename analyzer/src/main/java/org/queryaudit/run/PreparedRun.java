package org.queryaudit.run;


import org.queryaudit.base.HadoopFiles;

import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.queryaudit.ingest.InputPlan;
import org.queryaudit.ingest.InputPlanner;
import org.queryaudit.ingest.ProfileCatalog;
import org.queryaudit.reference.UsStates;
import org.queryaudit.resolve.AgencyDirectory;
import org.queryaudit.tag.TagRules;
import org.queryaudit.evaluate.LegalProcess;
import org.queryaudit.evaluate.RuleBook;
import org.queryaudit.report.OutputFolder;
import scala.Tuple2;

/**
 * A run checked before Spark starts: options, every input's format and owner, and the output
 * folder. A problem here costs no Spark start and writes nothing.
 */
public record PreparedRun(RunOptions options, InputPlan plan, OutputFolder out, Instant started, AgencyDirectory directory,
                          TagRules tagRules, RuleBook rules, LegalProcess legalProcess) {

    public static PreparedRun of(RunOptions opt, ProfileCatalog catalog) {
        Instant started = Instant.now();
        opt.period().validate();
        // Reference data first: a bad directory or pattern file stops the run before any log is read.
        AgencyDirectory directory = AgencyDirectory.load(opt.directory());
        TagRules tagRules = TagRules.shipped();
        RuleBook rules = RuleBook.load(opt.rules());
        java.util.Set<String> components = new java.util.TreeSet<>(directory.components());
        components.add(org.queryaudit.resolve.AgencyResolver.OTHER_FEDERAL);
        rules.checkComponents(components);
        for (String c : org.queryaudit.classify.AccessAgreements.shipped().components()) {
            if (!components.contains(c)) {
                throw new org.queryaudit.base.ConfigException(org.queryaudit.classify.AccessAgreements.RESOURCE + ": component '" + c
                        + "' is none the agency directory gives a requester; use one of " + components);
            }
        }
        org.queryaudit.reference.MessageKeys.shipped();
        LegalProcess legalProcess = LegalProcess.shipped();
        Configuration hadoop = hadoopConf();
        InputPlan plan = new InputPlanner(catalog, UsStates.shipped(), hadoop, opt.owner(), opt.ownerState()).plan(opt.inputs());
        OutputFolder out = OutputFolder.prepare(opt.out(), hadoop);
        return new PreparedRun(opt, plan, out, started, directory, tagRules, rules, legalProcess);
    }

    /** Hadoop settings as Spark would have them: spark.hadoop.* of spark-submit's configuration. */
    static Configuration hadoopConf() {
        Configuration c = HadoopFiles.configuration();
        for (Tuple2<String, String> kv : new SparkConf().getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) {
                c.set(kv._1().substring("spark.hadoop.".length()), kv._2());
            }
        }
        return c;
    }
}
