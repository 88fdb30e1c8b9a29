package io.atsbridge.provider.greenhouse.transform;

import io.atsbridge.core.model.Job;
import io.atsbridge.provider.greenhouse.api.JobWithPost;
import io.atsbridge.provider.greenhouse.api.WebhookJob;
import io.atsbridge.provider.greenhouse.api.WebhookJobPost;
import io.atsbridge.provider.greenhouse.mapping.JobMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/** {@code greenhouse:job}: a Greenhouse job (partner job + board post, or a webhook job/post) → canonical Job. */
@DataTypeTransformer(name = "greenhouse:job",
        description = "Greenhouse job (partner job with its Job Board post, or a job/job post webhook payload) to an atsbridge Job")
public class JobTransformer extends Transformer {

    @Override
    public void transform(Message message, DataType from, DataType to) {
        Object body = message.getBody();
        if (body instanceof List<?> list) {
            List<Job> jobs = new ArrayList<>(list.size());
            for (Object o : list) {
                jobs.add(map(o));
            }
            message.setBody(jobs);
        } else {
            message.setBody(map(body));
        }
    }

    private static Job map(Object o) {
        if (o instanceof JobWithPost jp) {
            return JobMapper.toJob(jp);
        }
        if (o instanceof WebhookJob j) {
            return JobMapper.fromWebhook(j);
        }
        if (o instanceof WebhookJobPost p) {
            return JobMapper.fromWebhookPost(p);
        }
        if (o instanceof Job j) {
            return j;
        }
        throw new IllegalArgumentException("greenhouse:job expects a Greenhouse job, got " + (o == null ? "null" : o.getClass().getName()));
    }
}
